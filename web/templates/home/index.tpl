{{%AUTOESCAPE context="HTML"}}
<section class="hero">
  <h1>{{_ One place for the cooperation between bars _}}</h1>
  <p class="lead">{{_ Entente keeps what partner bars agree on and what they do about it: who is who across the bars, the agreements and their objectives, the delegations and events that carry them out, and the courses of their training centres. _}}</p>
</section>

<section aria-labelledby="holds-heading">
  <h2 id="holds-heading">{{_ What Entente holds _}}</h2>
  <dl class="stats">
    {{#STAT}}<div class="stat"><dt>{{LABEL}}</dt><dd>{{VALUE}}</dd></div>{{/STAT}}
  </dl>
</section>

{{#HAS_AGREEMENTS}}<section aria-labelledby="agreements-heading">
  <h2 id="agreements-heading">{{_ Cooperation agreements _}}</h2>
  <ul class="cards">
    {{#AGREEMENT}}<li class="card">
      <a class="card-title" href="/agreements/{{SLUG}}"{{#TITLE_FALLBACK}} lang="{{TITLE_LANG}}"{{/TITLE_FALLBACK}}>{{TITLE}}</a>
      <p class="card-meta">{{_ Signed: _}} {{SIGNED}}</p>
      <p class="card-meta">{{PARTIES}}</p>
    </li>{{/AGREEMENT}}
  </ul>
  <p><a href="/agreements">{{_ All agreements _}}</a></p>
</section>{{/HAS_AGREEMENTS}}

<section aria-labelledby="organizations-heading">
  <h2 id="organizations-heading">{{_ Organizations in the cooperation _}}</h2>
  {{#NO_ORGANIZATIONS}}<p>{{_ No organization has been recorded yet. _}}</p>{{/NO_ORGANIZATIONS}}
  <ul class="cards">
    {{#ORGANIZATION}}<li class="card">
      <p class="card-title"{{#NAME_FALLBACK}} lang="{{NAME_LANG}}"{{/NAME_FALLBACK}}>{{NAME}}</p>
      <p class="card-meta">{{KIND}}{{#HAS_CITY}} · {{CITY}}{{/HAS_CITY}}</p>
    </li>{{/ORGANIZATION}}
  </ul>
</section>
