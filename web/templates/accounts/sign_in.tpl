{{%AUTOESCAPE context="HTML"}}
<section class="narrow">
  <h1>{{_ Sign in _}}</h1>
  {{#FORM_ERROR}}<div class="alert alert-error" role="alert">{{MESSAGE}}</div>{{/FORM_ERROR}}
  <form class="form" method="post" action="/sign-in">
    <input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
    <input type="hidden" name="next" value="{{NEXT}}">
    <div class="field">
      <label for="email">{{_ Email _}}</label>
      <input id="email" name="email" type="email" autocomplete="username" required value="{{EMAIL}}">
    </div>
    <div class="field">
      <label for="password">{{_ Password _}}</label>
      <input id="password" name="password" type="password" autocomplete="current-password" required>
    </div>
    <button class="button" type="submit">{{_ Sign in _}}</button>
  </form>
</section>
