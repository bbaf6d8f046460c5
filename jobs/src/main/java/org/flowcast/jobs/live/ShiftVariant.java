package org.flowcast.jobs.live;

/** How a shift bench's variant treats its models at the update: not at all, fine-tuned, or trained anew. */
public enum ShiftVariant {
    /** The models as trained on the history, throughout. */
    NEVER("never"),
    /** Fine-tuned at the update on the newest days as live operation fine-tunes (champion and challenger). */
    FINE_TUNED("fine-tuned"),
    /** Trained anew at the update on all the data stored so far, and swapped in. */
    FROM_SCRATCH("from scratch");

    private final String label;

    ShiftVariant(String label) {
        this.label = label;
    }

    /** The variant's name in tables and JSON. */
    public String label() {
        return label;
    }
}
