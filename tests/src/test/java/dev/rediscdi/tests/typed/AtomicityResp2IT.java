package dev.rediscdi.tests.typed;

class AtomicityResp2IT extends AtomicityContract {
    @Override
    String protocol() {
        return "resp2";
    }
}
