package dev.rediscdi.tests.typed;

class EdgeCasesResp2IT extends EdgeCasesContract {
    @Override
    String protocol() {
        return "resp2";
    }
}
