package org.flowcast.jobs.feed;

/** Told of each file a feed delivers, as it lands (for progress); called on the delivering thread. */
public interface FeedListener {
    FeedListener NONE = new FeedListener() {
    };

    /** The feed is about to deliver about {@code expected} interval files. */
    default void starting(long expected) {
    }

    /** A metadata file was copied into the inbox. */
    default void metadata(String name) {
    }

    /** An interval's file landed. */
    default void delivered(DeliveredFile file) {
    }
}
