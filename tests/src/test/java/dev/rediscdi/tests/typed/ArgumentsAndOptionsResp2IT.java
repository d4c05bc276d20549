package dev.rediscdi.tests.typed;

class ArgumentsAndOptionsResp2IT extends ArgumentsAndOptionsContract {
    @Override
    String protocol() {
        return "resp2";
    }
}
