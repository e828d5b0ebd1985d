package workload.gatling;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;

import java.time.Duration;

import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/** An open-model load on the loopback order service: 20 new users per second for 15 s. */
public class OrdersSimulation extends Simulation {

    HttpProtocolBuilder protocol = http.baseUrl("http://127.0.0.1:" + System.getProperty("target.port", "18081"));

    ScenarioBuilder orders = scenario("orders")
            .exec(http("distinct").get("/orders/distinct?n=4000").check(status().is(200)))
            .exec(http("health").get("/health"))
            .exec(http("missing").get("/missing").check(status().is(200)));

    {
        setUp(orders.injectOpen(constantUsersPerSec(20).during(Duration.ofSeconds(15)))).protocols(protocol);
    }
}
