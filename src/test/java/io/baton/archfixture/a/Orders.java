package io.baton.archfixture.a;

import io.baton.archfixture.b.Invoices;

public class Orders {
  public Invoices invoices() {
    return new Invoices();
  }
}
