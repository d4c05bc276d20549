package dev.rediscdi.tests.typed;

class AtomicityResp3IT extends AtomicityContract {
    @Override
    String protocol() {
        return "resp3";
    }
}
