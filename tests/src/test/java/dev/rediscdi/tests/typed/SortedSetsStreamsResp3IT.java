package dev.rediscdi.tests.typed;

class SortedSetsStreamsResp3IT extends SortedSetsStreamsContract {
    @Override
    String protocol() {
        return "resp3";
    }
}
