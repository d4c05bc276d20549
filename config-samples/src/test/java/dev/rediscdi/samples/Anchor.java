package dev.rediscdi.samples;

import jakarta.enterprise.context.Dependent;

/** Weld SE refuses to boot a synthetic archive with no bean at all; every container gets this one. */
@Dependent
class Anchor {
}
