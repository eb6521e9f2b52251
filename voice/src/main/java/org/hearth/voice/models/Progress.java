package org.hearth.voice.models;

/** Told how far a download or copy has got. */
public interface Progress {

    /** {@code total} is -1 when the size is not known. */
    void update(long done, long total);

    void finish();

    Progress NONE = new Progress() {
        @Override
        public void update(long done, long total) {
        }

        @Override
        public void finish() {
        }
    };
}
