package dev.rediscdi.session.hostile;

import java.io.Serializable;

/** A harmless class that is simply not allowed. */
public class Outside implements Serializable {
    private static final long serialVersionUID = 1L;
}
