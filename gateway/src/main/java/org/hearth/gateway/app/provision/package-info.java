/**
 * {@code hearth provision}: the installer's wizard. The question flow ({@link
 * org.hearth.gateway.app.provision.ProvisionFlow}) is pure: it reads answers from a {@link
 * org.hearth.gateway.app.provision.Console} and fills a {@link org.hearth.gateway.app.provision.HomePlan}.
 * An answers file fills the same plan without questions. Only {@link
 * org.hearth.gateway.app.provision.ProvisionFiles} writes anything, and only after the real
 * {@code ConfigLoader} has accepted what it is about to write.
 */
package org.hearth.gateway.app.provision;
