package archfixture.bad.adapter.redis;

/** Breaks onlyBootstrapKnowsBootstrap. */
public class RedisThing {
    archfixture.bad.bootstrap.Wiring wiring;
}
