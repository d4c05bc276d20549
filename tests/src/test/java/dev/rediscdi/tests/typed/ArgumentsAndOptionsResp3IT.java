package dev.rediscdi.tests.typed;

class ArgumentsAndOptionsResp3IT extends ArgumentsAndOptionsContract {
    @Override
    String protocol() {
        return "resp3";
    }
}
