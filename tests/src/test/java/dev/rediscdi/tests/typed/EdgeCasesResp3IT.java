package dev.rediscdi.tests.typed;

class EdgeCasesResp3IT extends EdgeCasesContract {
    @Override
    String protocol() {
        return "resp3";
    }
}
