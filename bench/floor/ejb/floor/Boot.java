package floor;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

/**
 * A start-up singleton with a non-persistent interval timer, like PlanBridge's drain; its own transactions, as
 * PlanBridge's {@code Startup}, so that Flyway can manage the connection.
 */
@Singleton
@Startup
@TransactionManagement(TransactionManagementType.BEAN)
public class Boot {
  @Resource TimerService timers;
  @Inject Instance<StartupStep> steps;

  @PostConstruct
  void start() {
    steps.forEach(StartupStep::run);
    timers.createIntervalTimer(1000, 1000, new TimerConfig("floor", false));
    Started.done = true;
  }

  @Timeout
  void tick() {}
}
