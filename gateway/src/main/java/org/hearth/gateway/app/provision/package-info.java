/**
 * {@code hearth provision}: the installer's wizard. The question flow ({@link
 * org.hearth.gateway.app.provision.ProvisionFlow}) is pure: it reads answers from a {@link
 * org.hearth.gateway.app.provision.Console} and fills a {@link org.hearth.gateway.app.provision.HomePlan}.
 * Each section's questions have a class of their own: {@code HomeQuestions} (the resident, the
 * council and bins, quiet hours), {@code SensorQuestions} (the sensor list and GPIO pins), {@code
 * DeviceQuestions} (I2C sensors, radars and the pendant, checked through {@code HardwareCheck}),
 * {@code CarerQuestions} and {@code ThresholdQuestions}; {@code Checks} reads every kind of answer.
 * An answers file ({@code AnswersFile}) fills the same plan without questions. Only {@link
 * org.hearth.gateway.app.provision.ProvisionFiles} writes anything, and only after the real
 * {@code ConfigLoader} has accepted what it is about to write.
 */
package org.hearth.gateway.app.provision;
