package org.concord.common;

import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import jakarta.inject.Singleton;
import java.sql.CallableStatement;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import org.hibernate.boot.model.TypeContributions;
import org.hibernate.boot.model.TypeContributor;
import org.hibernate.service.ServiceRegistry;
import org.hibernate.type.descriptor.ValueBinder;
import org.hibernate.type.descriptor.WrapperOptions;
import org.hibernate.type.descriptor.java.JavaType;
import org.hibernate.type.descriptor.jdbc.BasicBinder;
import org.hibernate.type.descriptor.jdbc.VarcharJdbcType;

/**
 * Every text Hibernate sends to the database, as a column value or a query parameter, goes without
 * its NUL characters ({@link Texts#withoutNul}). PostgreSQL refuses U+0000 in text (22021, a 500
 * for the request) while H2 stores it; the ways in remove NUL already, and this is the net under
 * them, so that a path they miss behaves the same on both databases instead of failing on one.
 */
@Singleton
@PersistenceUnitExtension
public class NulFreeText implements TypeContributor {

  @Override
  public void contribute(TypeContributions contributions, ServiceRegistry serviceRegistry) {
    contributions.contributeJdbcType(new NulFreeVarchar());
  }

  /** VARCHAR as Hibernate binds it (with {@code setString}), the text first freed of NUL. */
  static final class NulFreeVarchar extends VarcharJdbcType {

    @Override
    public int getJdbcTypeCode() {
      return Types.VARCHAR;
    }

    @Override
    public <X> ValueBinder<X> getBinder(JavaType<X> javaType) {
      return new BasicBinder<>(javaType, this) {
        @Override
        protected void doBind(PreparedStatement statement, X value, int index, WrapperOptions o)
            throws SQLException {
          statement.setString(index, text(value, o));
        }

        @Override
        protected void doBind(CallableStatement statement, X value, String name, WrapperOptions o)
            throws SQLException {
          statement.setString(name, text(value, o));
        }

        private String text(X value, WrapperOptions options) {
          return Texts.withoutNul(getJavaType().unwrap(value, String.class, options));
        }
      };
    }
  }
}
