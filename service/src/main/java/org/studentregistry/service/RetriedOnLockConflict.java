package org.studentregistry.service;

import jakarta.interceptor.InterceptorBinding;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A change of a service that is run again when the database rolled its transaction back over a lock conflict
 * ({@link LockConflictRetry}). Put on the changes only (the type is for the interceptor): every intercepted call
 * costs a little, and reads are the many.
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface RetriedOnLockConflict {
}
