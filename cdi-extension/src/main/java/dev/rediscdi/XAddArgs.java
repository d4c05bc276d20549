package dev.rediscdi;

import java.util.ArrayList;
import java.util.List;

/** Options of {@code XADD}: {@code new XAddArgs().trim(StreamTrim.maxLen(1000).approximate())}. */
public final class XAddArgs {
    private boolean noMkStream;
    private StreamTrim trim;
    private String id = "*";

    /** Do not create the stream if it does not exist: {@code xadd} then completes with {@code null}. */
    public XAddArgs noMkStream() {
        this.noMkStream = true;
        return this;
    }

    /** Trim the stream while adding. */
    public XAddArgs trim(StreamTrim trim) {
        this.trim = Arguments.required("trim", trim);
        return this;
    }

    /** An explicit entry id instead of the one Redis generates ({@code *}). */
    public XAddArgs id(String id) {
        this.id = Arguments.required("id", id);
        return this;
    }

    /** The Redis arguments these options stand for, in order, the id last. */
    public List<Object> arguments() {
        List<Object> all = new ArrayList<>(7);
        if (noMkStream) {
            all.add("NOMKSTREAM");
        }
        if (trim != null) {
            all.addAll(trim.arguments());
        }
        all.add(id);
        return all;
    }

    @Override
    public String toString() {
        return "XAddArgs" + arguments();
    }
}
