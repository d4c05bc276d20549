package dev.rediscdi.tests.typed;

class SortedSetsStreamsResp2IT extends SortedSetsStreamsContract {
    @Override
    String protocol() {
        return "resp2";
    }
}
