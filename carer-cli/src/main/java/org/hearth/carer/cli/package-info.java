/**
 * {@code hearth-carer}, the carer's command line, on the {@code org.hearth.carer} library: picocli
 * commands ({@link org.hearth.carer.cli.CarerMain}), the typed {@code resolve} command at the
 * listen prompt, reading a pairing QR code from a picture (ZXing, {@code javax.imageio}), and
 * logback as the logging backend.
 */
package org.hearth.carer.cli;
