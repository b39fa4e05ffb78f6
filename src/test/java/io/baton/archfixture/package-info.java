/**
 * Code that breaks Baton's architecture rules on purpose: a cycle between two modules, {@code a}
 * and {@code b}, and a class that reads the engine clock itself. The architecture tests show that
 * their rules report it. Nothing else uses these classes.
 */
package io.baton.archfixture;
