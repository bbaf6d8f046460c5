package org.flowcast.model;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The values a numeric component of a typed parameter record may take, from {@code min} to {@code max}
 * inclusive, declared where the parameter is. {@link TypedParameters#override} refuses any other value as
 * a usage error naming the model, the parameter and its bounds, before a model is built or data read. The
 * models' sizes are bounded at 8 to 16 times their defaults or more: past that a single weight array nears
 * what a Java array can index and memory holds, and a 2-core CPU would train for weeks.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface Bounds {
    double min();

    double max();
}
