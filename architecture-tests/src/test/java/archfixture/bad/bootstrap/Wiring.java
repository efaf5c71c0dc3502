package archfixture.bad.bootstrap;

public class Wiring {
}
