package dev.rediscdi.appservers;

import dev.rediscdi.appservers.harness.AppDeployment;
import dev.rediscdi.appservers.harness.AppServer;

/** The scenario on WildFly ({@code standalone-microprofile.xml}: Weld, RESTEasy, SmallRye Config). */
class WildFlyIT extends AppServerScenario implements SessionScenario, FaultToleranceScenario, HealthScenario {

    @Override
    protected AppServer newServer(String instanceName, AppDeployment deployment) {
        return AppServer.wildFly(instanceName, deployment);
    }
}
