package dev.rediscdi.tests.typed;

class DataTypesResp2IT extends DataTypesContract {
    @Override
    String protocol() {
        return "resp2";
    }
}
