import type { MetaFunction } from "@remix-run/node";
import { Link } from "@remix-run/react";
import {
  Breadcrumbs,
  ErrorSummary,
  Field,
  Pagination,
  PropertyStatusBadge,
  RatingBadge,
  SelectField,
  TextareaField,
} from "~/kit";
import { ConfirmSubmit } from "~/components/ui/ConfirmSubmit";

export const meta: MetaFunction = () => [
  { title: "Système de conception — Vitrine" },
  { name: "robots", content: "noindex, nofollow" },
];

const COLOURS = [
  ["--color-ink", "Texte"],
  ["--color-muted", "Texte secondaire"],
  ["--color-brand", "Marque, liens, bouton principal"],
  ["--color-brand-strong", "Survol"],
  ["--color-brand-soft", "Fond d’accent"],
  ["--color-accent", "Accent (logo)"],
  ["--color-ok", "Succès"],
  ["--color-warn", "Attention"],
  ["--color-danger", "Erreur, suppression"],
  ["--color-line", "Bordures"],
  ["--color-line-strong", "Bordure des champs"],
  ["--color-bg", "Fond de page"],
];

const EXAMPLE_ERRORS = { email: ["Indiquez une adresse e-mail valide, par exemple nom@exemple.fr."] };

/**
 * /design-system — every shared component with its states, on one page (not linked from the
 * site, not indexed). docs/design-system.md explains the tokens and when to use each component.
 */
export default function DesignSystem() {
  return (
    <div>
      <Breadcrumbs items={[{ label: "Accueil", to: "/" }, { label: "Système de conception" }]} />
      <h1>Système de conception</h1>
      <p className="muted">
        Les jetons et composants de Vitrine. Référence : <code>docs/design-system.md</code>.
      </p>

      <section className="ds-section" aria-labelledby="ds-colours">
        <h2 id="ds-colours">Couleurs</h2>
        <ul className="ds-swatches">
          {COLOURS.map(([token, use]) => (
            <li key={token}>
              <span className={`ds-swatch ds-${token.slice(8)}`} />
              <code>{token}</code>
              <code>{use}</code>
            </li>
          ))}
        </ul>
      </section>

      <section className="ds-section" aria-labelledby="ds-type">
        <h2 id="ds-type">Typographie</h2>
        <p className="ds-text-2xl">Titre de page (2xl)</p>
        <p className="ds-text-xl">Titre de section (xl)</p>
        <p className="ds-text-lg">Intertitre (lg)</p>
        <p>Texte courant (md) : 1 rem, interligne 1,5.</p>
        <p className="hint">Aide et texte secondaire (sm)</p>
      </section>

      <section className="ds-section" aria-labelledby="ds-buttons">
        <h2 id="ds-buttons">Boutons</h2>
        <p className="actions">
          <button type="button">Principal</button>
          <button type="button" className="button-secondary">
            Secondaire
          </button>
          <button type="button" className="button-danger">
            Danger
          </button>
          <button type="button" className="button-small">
            Petit
          </button>
          <button type="button" disabled aria-busy>
            Envoi…
          </button>
          <Link to="/properties" className="button">
            Lien en bouton
          </Link>
          <button type="button" className="link-button">
            Bouton en lien
          </button>
        </p>
      </section>

      <section className="ds-section" aria-labelledby="ds-fields">
        <h2 id="ds-fields">Champs et erreurs</h2>
        <form className="card form-narrow" noValidate onSubmit={(event) => event.preventDefault()}>
          <ErrorSummary errors={EXAMPLE_ERRORS} labels={{ email: "E-mail" }} />
          <Field label="Nom" name="ds-name" hint="Tel qu’il apparaîtra au professionnel." />
          <Field label="E-mail" name="email" errors={EXAMPLE_ERRORS} defaultValue="nom@" />
          <SelectField
            label="Projet"
            name="ds-project"
            placeholder="Acheter ou louer"
            options={[
              { value: "vente", label: "Acheter" },
              { value: "location", label: "Louer" },
            ]}
          />
          <TextareaField label="Message" name="ds-message" rows={3} />
          <ConfirmSubmit
            title="Envoyer ce formulaire d’exemple ?"
            body={<p>Une boîte de dialogue demande confirmation avant une action irréversible.</p>}
            confirmLabel="Oui, envoyer"
          >
            Envoyer (avec confirmation)
          </ConfirmSubmit>
        </form>
      </section>

      <section className="ds-section" aria-labelledby="ds-feedback">
        <h2 id="ds-feedback">Messages</h2>
        <div className="notice notice-success">Votre demande a bien été envoyée.</div>
        <div className="notice notice-warning">Votre pièce d’identité est en cours de vérification.</div>
        <div className="notice notice-error">Cette annonce n’est plus disponible.</div>
        <div className="toast ds-toast">
          <p>Demande marquée comme lue.</p>
          <button type="button" className="link-button">
            Annuler
          </button>
        </div>
      </section>

      <section className="ds-section" aria-labelledby="ds-badges">
        <h2 id="ds-badges">Badges</h2>
        <p className="actions">
          <PropertyStatusBadge status="draft" />
          <PropertyStatusBadge status="active" />
          <PropertyStatusBadge status="sold" />
          <span className="badge badge-new">Nouvelle demande</span>
          <span className="badge badge-read">Lu par le pro</span>
          <span className="badge badge-replied">Répondu</span>
          <span className="badge badge-contacted">Déjà contacté</span>
          <span className="badge badge-count">3</span>
          {["A", "B", "C", "D", "E", "F", "G"].map((rating) => (
            <RatingBadge key={rating} kind="energy" value={rating} />
          ))}
        </p>
      </section>

      <section className="ds-section" aria-labelledby="ds-cards">
        <h2 id="ds-cards">Cartes</h2>
        <div className="grid">
          <div className="card">
            <h3>Carte</h3>
            <p>Un bloc de contenu sur fond blanc, bordure et ombre légère.</p>
          </div>
          <div className="card empty-state">
            <h3>État vide</h3>
            <p>Explique pourquoi il n’y a rien et propose la suite.</p>
          </div>
        </div>
      </section>

      <section className="ds-section" aria-labelledby="ds-table">
        <h2 id="ds-table">Tableau (liste de cartes sur téléphone)</h2>
        <table>
          <thead>
            <tr>
              <th scope="col">Annonce</th>
              <th scope="col">Ville</th>
              <th scope="col">Prix</th>
              <th scope="col">Statut</th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <td>T3 rénové quartier Part-Dieu</td>
              <td data-label="Ville">Lyon</td>
              <td data-label="Prix">345 000 €</td>
              <td data-label="Statut">
                <PropertyStatusBadge status="active" />
              </td>
            </tr>
            <tr>
              <td>Maison familiale avec jardin</td>
              <td data-label="Ville">Vincennes</td>
              <td data-label="Prix">1 190 000 €</td>
              <td data-label="Statut">
                <PropertyStatusBadge status="draft" />
              </td>
            </tr>
          </tbody>
        </table>
      </section>

      <section className="ds-section" aria-labelledby="ds-nav">
        <h2 id="ds-nav">Navigation</h2>
        <nav className="tabs" aria-label="Onglets d’exemple">
          <a href="#ds-nav" aria-current="page">
            Tableau de bord
          </a>
          <a href="#ds-nav">Mes annonces</a>
          <a href="#ds-nav">Demandes</a>
          <a href="#ds-nav">Favoris</a>
          <a href="#ds-nav">Paramètres</a>
        </nav>
        <Pagination page={4} pageCount={12} href={(n) => `/design-system?page=${n}`} label="Pagination d’exemple" />
      </section>
    </div>
  );
}
