package org.hearth.voice.testkit;

import java.util.ArrayList;
import java.util.List;

/**
 * Lines that decide whether a pre-alarm is cancelled or help is called, in every built-in language:
 * what a television, a radio or a visitor says near the device, negated cancels, calls for help
 * and real cancels. Non-English lines were written by the development team, like the language
 * files, and need the same review by native speakers.
 */
public final class SafetyCorpus {

    /** What a line must do. */
    public enum Kind {
        /** Television, radio or conversation: must neither cancel nor call for help. */
        BACKGROUND,
        /** A negated cancel ("I'm not fine"): must never cancel; calling for help is right. */
        NEGATED,
        /** Must call for help. */
        HELP,
        /** Must cancel, and must never call for help. */
        CANCEL
    }

    public record Case(String language, Kind kind, String text) {
        @Override
        public String toString() {
            return language + " " + kind + " [" + text + "]";
        }
    }

    private SafetyCorpus() {
    }

    public static List<Case> all() {
        List<Case> c = new ArrayList<>();
        english(c);
        add(c, "hi", Kind.BACKGROUND, "हाँ", "ठीक है", "आप कैसे हैं", "मैं ठीक हूँ और आप", "क्या आप ठीक हैं",
                "आज मौसम अच्छा है", "हाँ जी");
        add(c, "hi", Kind.NEGATED, "नहीं मैं ठीक नहीं हूँ", "मैं ठीक नहीं हूँ", "मैं बिल्कुल ठीक नहीं हूँ", "सब ठीक नहीं है",
                "यह गलत अलार्म नहीं है", "अलार्म बंद मत करो", "नहीं नहीं मैं ठीक नहीं हूँ");
        add(c, "hi", Kind.HELP, "कोई एम्बुलेंस बुलाओ", "एम्बुलेंस बुलाओ", "मेरी तबीयत ठीक नहीं है", "मुझे ठीक नहीं लग रहा",
                "मेरे सीने में दर्द है", "मेरी छाती में दर्द हो रहा है", "मुझे सांस नहीं आ रही", "सांस लेने में तकलीफ है",
                "मैं उठ नहीं सकता", "मदद करो", "नहीं मैं ठीक नहीं हूँ");
        add(c, "hi", Kind.CANCEL, "हाँ मैं ठीक हूँ", "हां जी मैं ठीक हूं", "मैं ठीक हूँ", "नहीं मैं ठीक हूँ", "सब ठीक है",
                "अलार्म बंद करो", "मुझे मदद नहीं चाहिए", "किसी को मत बुलाओ");

        add(c, "ur", Kind.BACKGROUND, "ہاں", "ٹھیک ہے", "آپ کیسے ہیں", "میں ٹھیک ہوں اور آپ", "हाँ");
        add(c, "ur", Kind.NEGATED, "نہیں میں ٹھیک نہیں ہوں", "میں ٹھیک نہیں ہوں", "سب ٹھیک نہیں ہے", "یہ غلط الارم نہیں ہے",
                "नहीं मैं ठीक नहीं हूँ", "मैं ठीक नहीं हूँ");
        add(c, "ur", Kind.HELP, "کوئی ایمبولینس بلاؤ", "ایمبولینس بلاؤ", "میرے سینے میں درد ہے", "مجھے سانس نہیں آ رہی",
                "مجھے سانس لینے میں تکلیف ہے", "میں اٹھ نہیں سکتا", "مجھے ٹھیک نہیں لگ رہا", "میری طبیعت ٹھیک نہیں ہے",
                "कोई एम्बुलेंस बुलाओ", "मेरे सीने में दर्द है", "मुझे सांस नहीं आ रही", "मैं उठ नहीं सकता");
        add(c, "ur", Kind.CANCEL, "ہاں میں ٹھیک ہوں", "میں ٹھیک ہوں", "نہیں میں ٹھیک ہوں", "سب ٹھیک ہے",
                "مجھے مدد نہیں چاہیے", "हाँ मैं ठीक हूँ", "मैं ठीक हूँ");

        add(c, "pa", Kind.BACKGROUND, "ਹਾਂ", "ਠੀਕ ਹੈ", "ਤੁਸੀਂ ਕਿਵੇਂ ਹੋ", "ਮੈਂ ਠੀਕ ਹਾਂ ਤੁਸੀਂ ਸੁਣਾਓ", "ਹਾਂ ਜੀ");
        add(c, "pa", Kind.NEGATED, "ਨਹੀਂ ਮੈਂ ਠੀਕ ਨਹੀਂ ਹਾਂ", "ਮੈਂ ਠੀਕ ਨਹੀਂ ਹਾਂ", "ਸਭ ਠੀਕ ਨਹੀਂ ਹੈ", "ਇਹ ਗਲਤ ਅਲਾਰਮ ਨਹੀਂ ਹੈ");
        add(c, "pa", Kind.HELP, "ਕੋਈ ਐਂਬੂਲੈਂਸ ਬੁਲਾਓ", "ਐਂਬੂਲੈਂਸ ਬੁਲਾਓ", "ਮੇਰੀ ਛਾਤੀ ਵਿੱਚ ਦਰਦ ਹੈ", "ਮੈਨੂੰ ਸਾਹ ਨਹੀਂ ਆ ਰਿਹਾ",
                "ਮੈਂ ਉੱਠ ਨਹੀਂ ਸਕਦਾ", "ਮੇਰੀ ਤਬੀਅਤ ਠੀਕ ਨਹੀਂ ਹੈ", "ਮੈਂ ਬਿਮਾਰ ਹਾਂ", "ਨਹੀਂ ਮੈਂ ਠੀਕ ਨਹੀਂ ਹਾਂ");
        add(c, "pa", Kind.CANCEL, "ਹਾਂ ਮੈਂ ਠੀਕ ਹਾਂ", "ਹਾਂ ਜੀ ਮੈਂ ਠੀਕ ਹਾਂ", "ਮੈਂ ਠੀਕ ਹਾਂ", "ਨਹੀਂ ਮੈਂ ਠੀਕ ਹਾਂ", "ਸਭ ਠੀਕ ਹੈ",
                "ਮੈਨੂੰ ਮਦਦ ਨਹੀਂ ਚਾਹੀਦੀ", "ਕਿਸੇ ਨੂੰ ਨਾ ਬੁਲਾਓ");

        add(c, "gu", Kind.BACKGROUND, "હા", "બરાબર", "તમે કેમ છો", "હું ઠીક છું તમે કેમ છો", "હા જી");
        add(c, "gu", Kind.NEGATED, "ના હું ઠીક નથી", "હું ઠીક નથી", "બધું ઠીક નથી", "આ ખોટું એલાર્મ નથી");
        add(c, "gu", Kind.HELP, "કોઈ એમ્બ્યુલન્સ બોલાવો", "એમ્બ્યુલન્સ બોલાવો", "મારી છાતીમાં દુખે છે", "મને શ્વાસ નથી લેવાતો",
                "હું ઊભો થઈ શકતો નથી", "મને સારું નથી લાગતું", "મારી તબિયત સારી નથી", "ના હું ઠીક નથી");
        add(c, "gu", Kind.CANCEL, "હા હું ઠીક છું", "હું ઠીક છું", "ના હું બરાબર છું", "બધું બરાબર છે", "મને મદદ નથી જોઈતી",
                "એલાર્મ બંધ કરો");

        add(c, "pl", Kind.BACKGROUND, "tak", "dobrze", "jak się masz", "nic mi nie jest a tobie", "wszystko dobrze a u ciebie",
                "tak tak");
        add(c, "pl", Kind.NEGATED, "nie, nie czuję się dobrze", "nie czuję się dobrze", "nie wszystko w porządku",
                "to nie jest fałszywy alarm", "nie jestem cały");
        add(c, "pl", Kind.HELP, "niech ktoś wezwie karetkę", "wezwij karetkę", "boli mnie w klatce piersiowej",
                "nie mogę złapać tchu", "nie mogę oddychać", "nie mogę wstać", "źle się czuję", "jestem chora",
                "nie czuję się dobrze");
        add(c, "pl", Kind.CANCEL, "tak, nic mi nie jest", "nic mi nie jest", "nie, nic mi nie jest", "wszystko w porządku",
                "czuję się dobrze", "to fałszywy alarm", "nie potrzebuję pomocy");

        add(c, "bn", Kind.BACKGROUND, "হ্যাঁ", "ঠিক আছে", "আপনি কেমন আছেন", "আমি ঠিক আছি আপনি কেমন আছেন");
        add(c, "bn", Kind.NEGATED, "না আমি ঠিক নেই", "আমি ঠিক নেই", "সব ঠিক নেই", "এটা ভুল অ্যালার্ম না");
        add(c, "bn", Kind.HELP, "কেউ অ্যাম্বুলেন্স ডাকো", "অ্যাম্বুলেন্স ডাকো", "আমার বুকে ব্যথা করছে",
                "আমার শ্বাস নিতে কষ্ট হচ্ছে", "আমি শ্বাস নিতে পারছি না", "আমি উঠতে পারছি না", "আমার ভালো লাগছে না",
                "আমার শরীর ভালো নেই", "না আমি ঠিক নেই");
        add(c, "bn", Kind.CANCEL, "হ্যাঁ আমি ঠিক আছি", "আমি ঠিক আছি", "না আমি ঠিক আছি", "সব ঠিক আছে", "আমার সাহায্য লাগবে না",
                "অ্যালার্ম বন্ধ করো");
        return c;
    }

    /** The English lines that are also spoken through the real model in the medium test. */
    public static List<Case> spokenEnglish() {
        List<Case> c = new ArrayList<>();
        add(c, "en", Kind.BACKGROUND, "yes", "okay", "i'm okay, you?", "i'm fine, and you?", "are you all right?",
                "how are you?", "the weather is lovely today", "yes please");
        add(c, "en", Kind.NEGATED, "no, i'm not fine", "no, i'm not good", "it's not a false alarm", "i'm not fine",
                "i am not okay");
        add(c, "en", Kind.HELP, "somebody call an ambulance", "i don't feel well", "my chest hurts", "i can't breathe",
                "i can't get up", "i'm short of breath", "help me");
        add(c, "en", Kind.CANCEL, "yes, i'm fine", "i'm fine", "no, i'm fine", "it was a false alarm", "i'm okay",
                "i don't need help");
        return c;
    }

    private static void english(List<Case> c) {
        add(c, "en", Kind.BACKGROUND, "yes", "okay", "ok", "yeah", "yes please", "yep", "i'm okay, you?",
                "i'm fine, and you?", "i'm fine thanks, how are you?", "are you all right?", "are you okay?",
                "how are you?", "is everything all right?", "that's fine", "fine", "good evening", "the alarm went off at six",
                "call me later", "i'm not sure", "the doctor will see you now", "help yourself to biscuits",
                "i fell asleep in my chair", "the weather is lovely today", "i can't hear you", "it was a false start",
                "don't worry about it", "that was a good film", "i don't feel like cooking tonight",
                "my chest of drawers is full", "she can't get up the stairs with that bag", "he's out of breath after the run",
                "the ambulance drama is on at nine", "nine nine nine is the number to call", "you're fine",
                "i'm good, thanks for asking, and you?", "all right then", "sure", "of course", "right");
        add(c, "en", Kind.NEGATED, "no, i'm not fine", "no, i'm not good", "it's not a false alarm", "i'm not fine",
                "i am not okay", "i'm not all right", "i'm really not fine", "no i am not fine at all", "i'm not fine thank you",
                "i'm not feeling good", "don't cancel the alarm", "i'm not all good", "everything is not fine",
                "it wasn't a false alarm", "that was not a false alarm", "no it's not a false alarm", "yes i'm not fine",
                "i'm not okay, no", "no no i'm not fine", "i'm not fine, don't call anyone");
        add(c, "en", Kind.HELP, "somebody call an ambulance", "someone call an ambulance", "call an ambulance",
                "please call an ambulance", "i need an ambulance", "i don't feel well", "i do not feel well",
                "i don't feel well at all", "i'm not feeling well", "i feel unwell", "i feel very ill", "my chest hurts",
                "my chest is tight", "i've got chest pain", "i have a pain in my chest", "i can't breathe",
                "i'm short of breath", "i can't catch my breath", "i'm struggling to breathe", "i can't get up",
                "i've fallen and i can't get up", "help", "help me please", "i need a doctor", "please call nine nine nine",
                "no, i'm not fine", "it's not a false alarm", "i'm not okay", "i feel dizzy", "i'm in pain");
        add(c, "en", Kind.CANCEL, "yes, i'm fine", "i'm fine", "i'm okay", "yes i'm okay thank you", "no, i'm fine",
                "i'm all right", "i am fine thanks", "it was a false alarm", "false alarm", "cancel the alarm",
                "i don't need help", "no i don't need help", "everything is fine", "yeah i'm fine",
                "i'm not hurt", "don't call anyone", "i'm fine don't call anyone", "nothing's wrong", "yes it was a false alarm",
                "yep i'm all good");
    }

    private static void add(List<Case> c, String language, Kind kind, String... texts) {
        for (String t : texts) {
            c.add(new Case(language, kind, t));
        }
    }
}
