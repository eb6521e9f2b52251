/**
 * Detectors of how the resident is living: long lies, unusual inactivity (the installer's fixed
 * rules and a learned routine), whether the resident is out, and unsafe indoor temperature.
 * {@link org.hearth.gateway.domain.activity.ActivityWatch} is the one {@code Detector} to wire for
 * the presence rules; {@link org.hearth.gateway.domain.activity.TemperatureWatch} takes readings.
 * Inactivity alerts go through the pre-alarm: the device checks in with the resident before any
 * carer is told. Every alert explains itself in plain words. Parameters, with their documented
 * defaults, are in {@link org.hearth.gateway.domain.activity.ActivityParameters}.
 */
package org.hearth.gateway.domain.activity;
