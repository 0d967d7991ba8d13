/**
 * The Faces pages' backing beans, and what every page shares: list links that keep page, sort and search in the
 * URL, post/redirect/get with a flash message, and the friendly 404.
 */
package org.studentregistry.web.pages;
