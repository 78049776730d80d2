package nl.actiegraaf.testsupport;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a test class: its {@link TestFacade} reaches the store over HTTP (Fuseki's own endpoint, as for
 * {@code serve --endpoint}) instead of in this JVM. The remote-store suite is the web tests' classes with
 * this annotation: the same checks, the other kind of store.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Inherited
public @interface StoreOverHttp {
}
