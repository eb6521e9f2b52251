package org.hearth.voice.skill;

/** The phone lines a council pack may name, each under its YAML key. Any may be left out. */
public enum CouncilService {
    /** The council's main switchboard: what the assistant gives when it does not know, or its pack expired. */
    MAIN("main_number"),
    WASTE("waste_and_recycling"),
    COUNCIL_TAX("council_tax"),
    SOCIAL_CARE("adult_social_care"),
    DIGITAL_HELPLINE("digital_helpline"),
    BENEFITS_ADVICE("benefits_advice"),
    UNIVERSAL_CREDIT_HELP("universal_credit_help"),
    /** GOV.UK's Pension Credit claim line. */
    PENSION_CREDIT("pension_credit"),
    /** GOV.UK's Attendance Allowance helpline. */
    ATTENDANCE_ALLOWANCE("attendance_allowance");

    private final String key;

    CouncilService(String key) {
        this.key = key;
    }

    /** Its key in the pack's YAML. */
    public String key() {
        return key;
    }
}
