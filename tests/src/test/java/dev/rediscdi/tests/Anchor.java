package dev.rediscdi.tests;

import jakarta.enterprise.context.Dependent;

/** Weld SE refuses to boot a synthetic archive with no bean at all; tests that need none add this one. */
@Dependent
class Anchor {
}
