import type { MetaFunction } from "@remix-run/node";
import { NavLink, Outlet } from "@remix-run/react";

/** The pro's inbox: property inquiries ("Biens") and vehicle leads ("Véhicules"), one tab each. */
export const meta: MetaFunction = () => [{ title: "Demandes de contact — Vitrine" }];

export default function ContactsLayout() {
  return (
    <div>
      <h1>Demandes de contact</h1>
      <nav className="tabs" aria-label="Type de demandes">
        <NavLink to="/pro/contacts" end>
          Biens
        </NavLink>
        <NavLink to="/pro/contacts/vehicles">Véhicules</NavLink>
      </nav>
      <Outlet />
    </div>
  );
}
