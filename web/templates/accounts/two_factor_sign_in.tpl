{{%AUTOESCAPE context="HTML"}}
<section class="narrow">
  <h1>{{_ Two-factor sign-in _}}</h1>
  <p>{{_ Your password was right. Enter the 6-digit code that your authenticator app shows now, or one of your recovery codes. _}}</p>
  {{#FORM_ERROR}}<div class="alert alert-error" role="alert">{{MESSAGE}}</div>{{/FORM_ERROR}}
  <form class="form" method="post" action="/sign-in/two-factor">
    <input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
    <input type="hidden" name="next" value="{{NEXT}}">
    <div class="field">
      <label for="code">{{_ Code from your app, or a recovery code _}}</label>
      <input id="code" name="code" autocomplete="one-time-code" autocapitalize="off" spellcheck="false" required maxlength="40"{{#CODE_ERROR}} aria-invalid="true" aria-describedby="code-error"{{/CODE_ERROR}}>
      {{#CODE_ERROR}}<p class="field-error" id="code-error">{{MESSAGE}}</p>{{/CODE_ERROR}}
    </div>
    <button class="button" type="submit">{{_ Sign in _}}</button>
  </form>
  <p><a href="/sign-in">{{_ Start again with your password _}}</a></p>
</section>
