package dev.rediscdi.tests.typed;

class DataTypesResp3IT extends DataTypesContract {
    @Override
    String protocol() {
        return "resp3";
    }
}
