package archfixture.bad.shared;

/** Breaks sharedDependsOnJdkOnly: shared reaches into a context. */
public class SharedUsesIdentity {
    archfixture.bad.identity.Person person;
}
