package dev.rediscdi.session.internal;

import java.util.List;

/** The allow-list and limits every deserialized attribute goes through. */
record SerializationLimits(List<String> allow, long maxDepth, long maxReferences, long maxArrayLength, long maxBytes) {
}
