/**
 * The {@code hearth} command line ({@link org.hearth.gateway.app.Hearth}) and the commands that
 * need no room of their own ({@code run}, {@code status}, {@code alerts}). The rooms below it:
 * {@code config} (the settings table and its loader), {@code daemon} (the one place the running
 * home's parts are wired, in a fixed order), {@code resident} (the resident's voice), {@code provision}
 * (the installer's commands: the wizard, pairing, the walk test and the test alert),
 * {@code privacy} (export and purge) and {@code demo} ({@code hearth demo}).
 */
package org.hearth.gateway.app;
