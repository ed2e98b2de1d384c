{{%AUTOESCAPE context="HTML"}}
<h1>{{_ Your account _}}</h1>
{{#SAVED}}<div class="alert alert-success" role="status">{{_ Your changes have been saved. _}}</div>{{/SAVED}}

<section aria-labelledby="profile-heading" class="panel">
  <h2 id="profile-heading">{{_ Profile _}}</h2>
  <p>{{_ Email: _}} <strong>{{EMAIL}}</strong></p>
  {{#PREFERENCES_FORM}}{{#FORM_ERROR}}<div class="alert alert-error" role="alert">{{MESSAGE}}</div>{{/FORM_ERROR}}{{/PREFERENCES_FORM}}
  <form class="form" method="post" action="/account/preferences">
    <input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
    <div class="field">
      <label for="display_name">{{_ Name _}}</label>
      <input id="display_name" name="display_name" required maxlength="200" value="{{DISPLAY_NAME}}">
      {{#PREFERENCES_FORM}}{{#DISPLAY_NAME_ERROR}}<p class="field-error">{{MESSAGE}}</p>{{/DISPLAY_NAME_ERROR}}{{/PREFERENCES_FORM}}
    </div>
    <div class="field">
      <label for="preferred_language">{{_ Preferred language _}}</label>
      <select id="preferred_language" name="preferred_language">
        {{#LANGUAGE_OPTION}}<option value="{{CODE}}" lang="{{CODE}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>{{/LANGUAGE_OPTION}}
      </select>
    </div>
    <button class="button" type="submit">{{_ Save _}}</button>
  </form>
</section>

<section aria-labelledby="roles-heading" class="panel">
  <h2 id="roles-heading">{{_ Your roles _}}</h2>
  {{#NO_ROLES}}<p>{{_ You hold no role yet. An administrator of your bar can grant you one. _}}</p>{{/NO_ROLES}}
  <ul class="plain-list">
    {{#ROLE}}<li><strong>{{ROLE}}</strong> — {{ORGANIZATION}}</li>{{/ROLE}}
  </ul>
</section>

<section aria-labelledby="two-factor-heading" class="panel">
  <h2 id="two-factor-heading">{{_ Two-factor sign-in _}}</h2>
  {{#TWO_FACTOR_ENROLLED}}<p>{{_ Two-factor sign-in is on. _}} {{_ Set up on: _}} {{ENROLLED_AT}}.</p>
  <p>{{_ Recovery codes left: _}} <strong>{{RECOVERY_CODES_LEFT}}</strong></p>{{/TWO_FACTOR_ENROLLED}}
  {{#TWO_FACTOR_OFF}}<p>{{_ Two-factor sign-in is not set up for your account. _}}</p>{{/TWO_FACTOR_OFF}}
  {{#TWO_FACTOR_REQUIRED}}<p>{{_ It is required for administrators. _}}</p>{{/TWO_FACTOR_REQUIRED}}
  <p><a href="/account/two-factor">{{_ Manage two-factor sign-in _}}</a></p>
</section>

<section aria-labelledby="tokens-heading" class="panel">
  <h2 id="tokens-heading">{{_ API tokens _}}</h2>
  <p>{{_ A token lets your bar's own systems use the JSON API as you. Send it as Authorization: Bearer TOKEN. _}}</p>
  <p>{{_ A token that may read changes nothing; one that may write does what your roles allow except administering; only administrators can make one that administers. Changing your password revokes every token. _}}</p>
  {{#NEW_TOKEN_SECTION}}<div class="alert alert-success" role="status">
    <p>{{_ Copy your new token now: it will not be shown again. _}}</p>
    <p><code class="token">{{NEW_TOKEN}}</code></p>
  </div>{{/NEW_TOKEN_SECTION}}
  {{#NO_TOKENS}}<p>{{_ You have no API token. _}}</p>{{/NO_TOKENS}}
  <table class="table">
    <caption class="visually-hidden">{{_ API tokens _}}</caption>
    <thead><tr><th scope="col">{{_ Name _}}</th><th scope="col">{{_ May _}}</th><th scope="col">{{_ Created _}}</th><th scope="col">{{_ Expires _}}</th><th scope="col">{{_ Last used _}}</th><th scope="col"><span class="visually-hidden">{{_ Actions _}}</span></th></tr></thead>
    <tbody>
    {{#TOKEN}}<tr>
      <td>{{NAME}}</td><td>{{SCOPE}}</td><td>{{CREATED_AT}}</td><td>{{EXPIRES_AT}}{{#EXPIRED}} <span class="badge">{{_ expired _}}</span>{{/EXPIRED}}</td><td>{{LAST_USED_AT}}</td>
      <td><form method="post" action="/account/tokens/{{ID}}/revoke"><input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}"><button class="button button-quiet" type="submit">{{_ Revoke _}}</button></form></td>
    </tr>{{/TOKEN}}
    </tbody>
  </table>
  {{#TOKEN_FORM}}{{#FORM_ERROR}}<div class="alert alert-error" role="alert">{{MESSAGE}}</div>{{/FORM_ERROR}}{{/TOKEN_FORM}}
  <form class="form form-inline" method="post" action="/account/tokens">
    <input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
    <div class="field">
      <label for="token-name">{{_ Token name _}}</label>
      <input id="token-name" name="name" required maxlength="100">
      {{#TOKEN_FORM}}{{#NAME_ERROR}}<p class="field-error">{{MESSAGE}}</p>{{/NAME_ERROR}}{{/TOKEN_FORM}}
    </div>
    <div class="field">
      <label for="token-scope">{{_ The token may _}}</label>
      <select id="token-scope" name="scope">
        {{#SCOPE_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/SCOPE_OPTION}}
      </select>
      {{#TOKEN_FORM}}{{#SCOPE_ERROR}}<p class="field-error">{{MESSAGE}}</p>{{/SCOPE_ERROR}}{{/TOKEN_FORM}}
    </div>
    <div class="field">
      <label for="token-days">{{_ Expires after _}}</label>
      <select id="token-days" name="expires_in_days">
        {{#DAYS_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/DAYS_OPTION}}
      </select>
      {{#TOKEN_FORM}}{{#EXPIRES_IN_DAYS_ERROR}}<p class="field-error">{{MESSAGE}}</p>{{/EXPIRES_IN_DAYS_ERROR}}{{/TOKEN_FORM}}
    </div>
    <button class="button" type="submit">{{_ Create a token _}}</button>
  </form>
</section>

<section aria-labelledby="password-heading" class="panel">
  <h2 id="password-heading">{{_ Change your password _}}</h2>
  <p>{{_ At least 12 characters. Changing it signs you out everywhere else. _}}</p>
  {{#PASSWORD_FORM}}{{#FORM_ERROR}}<div class="alert alert-error" role="alert">{{MESSAGE}}</div>{{/FORM_ERROR}}{{/PASSWORD_FORM}}
  <form class="form" method="post" action="/account/password">
    <input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
    <div class="field">
      <label for="current_password">{{_ Current password _}}</label>
      <input id="current_password" name="current_password" type="password" autocomplete="current-password" required>
      {{#PASSWORD_FORM}}{{#CURRENT_PASSWORD_ERROR}}<p class="field-error">{{MESSAGE}}</p>{{/CURRENT_PASSWORD_ERROR}}{{/PASSWORD_FORM}}
    </div>
    <div class="field">
      <label for="new_password">{{_ New password _}}</label>
      <input id="new_password" name="password" type="password" autocomplete="new-password" required minlength="12" maxlength="128">
      {{#PASSWORD_FORM}}{{#PASSWORD_ERROR}}<p class="field-error">{{MESSAGE}}</p>{{/PASSWORD_ERROR}}{{/PASSWORD_FORM}}
    </div>
    <button class="button" type="submit">{{_ Change password _}}</button>
  </form>
</section>
