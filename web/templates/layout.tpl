{{%AUTOESCAPE context="HTML"}}
<!DOCTYPE html>
<html lang="{{LANG}}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="htmx-config" content='{"includeIndicatorStyles": false}'>
<title>{{PAGE_TITLE}} · Entente</title>
<meta name="description" content="{{_ Entente, the cooperation platform of partner bars: who is who across the bars, their agreements, events and training. _}}">
<link rel="icon" href="/static/favicon.svg" type="image/svg+xml">
<link rel="stylesheet" href="/static/css/entente.css">
<script src="/static/vendor/htmx.min.js" defer></script>
</head>
<body>
<a class="skip-link" href="#main">{{_ Skip to content _}}</a>
<header class="site-header">
  <div class="wrap header-row">
    <a class="brand" href="/">
      <span class="brand-name">Entente</span>
      <span class="brand-tagline">{{_ Cooperation between bars _}}</span>
    </a>
    <nav class="languages" aria-label="{{_ Language _}}">
      <ul>
        {{#LANGUAGE}}<li><a href="{{HREF}}" hreflang="{{CODE}}" lang="{{CODE}}"{{#CURRENT}} aria-current="true"{{/CURRENT}}>{{NAME}}</a></li>{{/LANGUAGE}}
      </ul>
    </nav>
    <div class="account">
      {{#SIGNED_OUT}}<a class="button button-quiet" href="{{SIGN_IN_HREF}}">{{_ Sign in _}}</a>{{/SIGNED_OUT}}
      {{#SIGNED_IN}}
      <a class="account-name" href="/account">{{USER_NAME}}</a>
      {{#ADMIN}}<a class="account-link" href="/admin/users">{{_ Administration _}}</a>{{/ADMIN}}
      <form class="inline-form" method="post" action="/sign-out">
        <input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
        <button class="button button-quiet" type="submit">{{_ Sign out _}}</button>
      </form>
      {{/SIGNED_IN}}
    </div>
  </div>
  <nav class="wrap main-nav" aria-label="{{_ Main navigation _}}">
    <ul>
      {{#NAV_ITEM}}<li><a href="{{HREF}}"{{#CURRENT}} aria-current="page"{{/CURRENT}}>{{LABEL}}</a></li>{{/NAV_ITEM}}
    </ul>
  </nav>
</header>
<main id="main" class="wrap" tabindex="-1">
{{#TWO_FACTOR_NOTICE}}<div class="alert alert-warning" role="status">
  <p>{{_ Your administrator roles are not in force until you set up two-factor sign-in. _}} <a href="/account/two-factor">{{_ Set up two-factor sign-in _}}</a></p>
</div>{{/TWO_FACTOR_NOTICE}}
{{>CONTENT}}
</main>
<footer class="site-footer">
  <div class="wrap">
    <p>{{_ Entente is a cooperation platform for bar associations. _}}</p>
  </div>
</footer>
</body>
</html>
