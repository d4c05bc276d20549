package dev.rediscdi.session.hostile;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.Serializable;

/** A class outside the store's allow-list whose readObject records that it ran, as a gadget would act. */
public class Evil implements Serializable {
    private static final long serialVersionUID = 1L;
    public static volatile boolean triggered;

    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        triggered = true;
        in.defaultReadObject();
    }
}
