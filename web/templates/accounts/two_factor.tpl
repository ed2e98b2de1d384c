{{%AUTOESCAPE context="HTML"}}
<h1>{{_ Two-factor sign-in _}}</h1>
<p><a href="/account">{{_ Back to your account _}}</a></p>
{{#REMOVED}}<div class="alert alert-success" role="status">{{_ Two-factor sign-in is turned off for your account. _}}</div>{{/REMOVED}}
{{#ROLES_WITHHELD}}<div class="alert alert-warning" role="status"><p>{{_ Your administrator roles are not in force until you set up two-factor sign-in. _}}</p></div>{{/ROLES_WITHHELD}}
<p>{{_ With two-factor sign-in, signing in takes your password and a code that an authenticator app on your phone shows (any app for time-based codes, RFC 6238). _}}</p>
{{#REQUIRED}}<p>{{_ Two-factor sign-in is required for administrators: it cannot be turned off, but you may set it up again with a new device. _}}</p>{{/REQUIRED}}

{{#NEW_RECOVERY_CODES}}<section aria-labelledby="codes-heading" class="panel">
  <div class="alert alert-success" role="status">
    <h2 id="codes-heading">{{_ Your recovery codes _}}</h2>
    <p>{{_ Two-factor sign-in is on. Keep these recovery codes somewhere safe: each signs you in once if you lose your phone. They will not be shown again. _}}</p>
    <ol class="recovery-codes">{{#CODE}}<li><code class="token recovery-code">{{VALUE}}</code></li>{{/CODE}}</ol>
  </div>
</section>{{/NEW_RECOVERY_CODES}}

{{#NOT_ENROLLED}}<section aria-labelledby="start-heading" class="panel">
  <h2 id="start-heading">{{_ Set up two-factor sign-in _}}</h2>
  <p>{{_ Two-factor sign-in is not set up for your account. _}}</p>
  <form class="form" method="post" action="/account/two-factor/enrol">
    <input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
    <button class="button" type="submit">{{_ Set up two-factor sign-in _}}</button>
  </form>
</section>{{/NOT_ENROLLED}}

{{#PENDING}}<section aria-labelledby="pending-heading" class="panel">
  <h2 id="pending-heading">{{_ Scan the code with your authenticator app _}}</h2>
  {{#REPLACES}}<p>{{_ Your current device keeps working until you confirm the new one. _}}</p>{{/REPLACES}}
  <svg class="qr-code" role="img" aria-labelledby="qr-title" viewBox="0 0 {{QR_SIZE}} {{QR_SIZE}}" shape-rendering="crispEdges"><title id="qr-title">{{_ QR code for your authenticator app _}}</title><rect width="{{QR_SIZE}}" height="{{QR_SIZE}}" fill="#fff"/><path fill="#000" d="{{QR_PATH}}"/></svg>
  <p>{{_ Or type this key into the app: _}} <code class="secret" id="two-factor-secret">{{SECRET}}</code></p>
  {{#CONFIRM_FORM}}{{#FORM_ERROR}}<div class="alert alert-error" role="alert">{{MESSAGE}}</div>{{/FORM_ERROR}}{{/CONFIRM_FORM}}
  <form class="form" method="post" action="/account/two-factor/confirm">
    <input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
    <div class="field">
      <label for="confirm-code">{{_ The 6-digit code the app shows _}}</label>
      <input id="confirm-code" name="code" inputmode="numeric" autocomplete="one-time-code" required maxlength="12">
      {{#CONFIRM_FORM}}{{#CODE_ERROR}}<p class="field-error">{{MESSAGE}}</p>{{/CODE_ERROR}}{{/CONFIRM_FORM}}
    </div>
    <button class="button" type="submit">{{_ Confirm _}}</button>
  </form>
</section>{{/PENDING}}

{{#ENROLLED}}<section aria-labelledby="status-heading" class="panel">
  <h2 id="status-heading">{{_ Two-factor sign-in is on _}}</h2>
  <p>{{_ Set up on: _}} {{ENROLLED_AT}}</p>
  <p>{{_ Recovery codes left: _}} <strong id="recovery-codes-left">{{RECOVERY_CODES_LEFT}}</strong></p>

  <h3>{{_ New recovery codes _}}</h3>
  <p>{{_ Replaces all your recovery codes by ten new ones. _}}</p>
  {{#REGENERATE_FORM}}{{#FORM_ERROR}}<div class="alert alert-error" role="alert">{{MESSAGE}}</div>{{/FORM_ERROR}}{{/REGENERATE_FORM}}
  <form class="form" method="post" action="/account/two-factor/recovery-codes">
    <input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
    <div class="field">
      <label for="regenerate-code">{{_ The 6-digit code the app shows _}}</label>
      <input id="regenerate-code" name="code" inputmode="numeric" autocomplete="one-time-code" required maxlength="12">
      {{#REGENERATE_FORM}}{{#CODE_ERROR}}<p class="field-error">{{MESSAGE}}</p>{{/CODE_ERROR}}{{/REGENERATE_FORM}}
    </div>
    <button class="button" type="submit">{{_ Make new recovery codes _}}</button>
  </form>

  <h3>{{_ A new device _}}</h3>
  {{#ENROL_FORM}}{{#FORM_ERROR}}<div class="alert alert-error" role="alert">{{MESSAGE}}</div>{{/FORM_ERROR}}{{/ENROL_FORM}}
  <form class="form" method="post" action="/account/two-factor/enrol">
    <input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
    <div class="field">
      <label for="enrol-password">{{_ Current password _}}</label>
      <input id="enrol-password" name="current_password" type="password" autocomplete="current-password" required>
      {{#ENROL_FORM}}{{#CURRENT_PASSWORD_ERROR}}<p class="field-error">{{MESSAGE}}</p>{{/CURRENT_PASSWORD_ERROR}}{{/ENROL_FORM}}
    </div>
    <button class="button button-quiet" type="submit">{{_ Set up again with a new device _}}</button>
  </form>

  {{#MAY_REMOVE}}<h3>{{_ Turn off two-factor sign-in _}}</h3>
  {{#REMOVE_FORM}}{{#FORM_ERROR}}<div class="alert alert-error" role="alert">{{MESSAGE}}</div>{{/FORM_ERROR}}{{/REMOVE_FORM}}
  <form class="form" method="post" action="/account/two-factor/remove">
    <input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
    <div class="field">
      <label for="remove-password">{{_ Current password _}}</label>
      <input id="remove-password" name="current_password" type="password" autocomplete="current-password" required>
      {{#REMOVE_FORM}}{{#CURRENT_PASSWORD_ERROR}}<p class="field-error">{{MESSAGE}}</p>{{/CURRENT_PASSWORD_ERROR}}{{/REMOVE_FORM}}
    </div>
    <div class="field">
      <label for="remove-code">{{_ The 6-digit code the app shows _}}</label>
      <input id="remove-code" name="code" inputmode="numeric" autocomplete="one-time-code" required maxlength="12">
      {{#REMOVE_FORM}}{{#CODE_ERROR}}<p class="field-error">{{MESSAGE}}</p>{{/CODE_ERROR}}{{/REMOVE_FORM}}
    </div>
    <button class="button button-quiet" type="submit">{{_ Turn off _}}</button>
  </form>{{/MAY_REMOVE}}
</section>{{/ENROLLED}}
