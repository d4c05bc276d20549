package dev.rediscdi.appservers;

import dev.rediscdi.appservers.harness.AppDeployment;
import dev.rediscdi.appservers.harness.AppServer;

/** The scenario on Open Liberty (Weld, its own RESTful Web Services, MicroProfile Config and Fault Tolerance). */
class OpenLibertyIT extends AppServerScenario implements SessionScenario, FaultToleranceScenario, HealthScenario {

    @Override
    protected AppServer newServer(String instanceName, AppDeployment deployment) {
        return AppServer.openLiberty(instanceName, deployment);
    }
}
