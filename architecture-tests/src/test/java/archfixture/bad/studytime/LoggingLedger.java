package archfixture.bad.studytime;

/** Breaks noFrameworksInside and domain:studytime: a logging framework in the domain. */
public class LoggingLedger {
    org.slf4j.Logger logger;
}
