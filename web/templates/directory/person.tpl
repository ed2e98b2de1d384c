{{%AUTOESCAPE context="HTML"}}
<p class="breadcrumb"><a href="/lawyers">{{_ Find a lawyer _}}</a></p>
<h1{{#NAME_LANG}} lang="{{LANG}}"{{/NAME_LANG}}>{{NAME}}</h1>
{{#UNNAMED}}<p class="muted">{{_ The sources do not give this person's name. _}}</p>{{/UNNAMED}}
{{#SAVED}}<div class="alert alert-success" role="status">{{_ Your changes have been saved. _}}</div>{{/SAVED}}
{{#MERGED}}<div class="alert alert-success" role="status">{{_ The two records are now one. The other record's address leads here. _}}</div>{{/MERGED}}
{{#EDITABLE}}<p class="actions"><a class="button button-quiet" href="/people/{{SLUG}}/edit">{{_ Edit _}}</a>
  <a class="button button-quiet" href="/people/{{SLUG}}/merge">{{_ Merge a duplicate record _}}</a></p>{{/EDITABLE}}
{{#SYNTHETIC}}<p class="badge">{{_ synthetic record _}}</p>{{/SYNTHETIC}}

{{#HAS_NAMES}}<section aria-labelledby="names-heading" class="panel">
  <h2 id="names-heading">{{_ Names _}}</h2>
  <table class="table">
    <caption class="visually-hidden">{{_ Names _}}</caption>
    <thead><tr><th scope="col">{{_ Name _}}</th><th scope="col">{{_ Script _}}</th><th scope="col">{{_ Kind _}}</th><th scope="col">{{_ Note _}}</th></tr></thead>
    <tbody>
    {{#VARIANT}}<tr><td{{#VARIANT_LANG}} lang="{{LANG}}"{{/VARIANT_LANG}}>{{FULL_NAME}}</td><td>{{SCRIPT}}</td><td>{{KIND}}</td><td>{{NOTE}}</td></tr>{{/VARIANT}}
    </tbody>
  </table>
</section>{{/HAS_NAMES}}

<section aria-labelledby="positions-heading" class="panel">
  <h2 id="positions-heading">{{_ Positions _}}</h2>
  {{#NO_POSITIONS}}<p>{{_ No position is recorded. _}}</p>{{/NO_POSITIONS}}
  <ul class="plain-list">
    {{#POSITION}}<li><strong>{{TITLE}}</strong>, <a href="/organizations/{{ORGANIZATION_SLUG}}"{{#ORGANIZATION_LANG}} lang="{{LANG}}"{{/ORGANIZATION_LANG}}>{{ORGANIZATION}}</a>
      <span class="muted">— {{WHEN}}</span>{{#SOURCE}}<br><span class="source">{{_ Source: _}} <span lang="en">{{TEXT}}</span></span>{{/SOURCE}}</li>{{/POSITION}}
  </ul>
</section>

<section aria-labelledby="rolls-heading" class="panel">
  <h2 id="rolls-heading">{{_ Rolls _}}</h2>
  {{#NO_MEMBERSHIPS}}<p>{{_ Not on the roll of a bar in this directory. _}}</p>{{/NO_MEMBERSHIPS}}
  <ul class="plain-list">
    {{#MEMBERSHIP}}<li><a href="/organizations/{{BAR_SLUG}}"{{#BAR_LANG}} lang="{{LANG}}"{{/BAR_LANG}}>{{BAR}}</a> — {{STATUS}}; {{_ roll number: _}} {{ROLL_NUMBER}}; {{_ admitted: _}} {{ADMITTED}}</li>{{/MEMBERSHIP}}
  </ul>
</section>

<section aria-labelledby="about-heading" class="panel">
  <h2 id="about-heading">{{_ Languages and practice _}}</h2>
  <dl class="facts">
    <dt>{{_ Languages spoken _}}</dt><dd>{{#LANGUAGE}}{{#SEPARATOR}}, {{/SEPARATOR}}<span lang="{{CODE}}">{{NAME}}</span>{{/LANGUAGE}}{{#NO_LANGUAGES}}{{_ not recorded _}}{{/NO_LANGUAGES}}</dd>
    <dt>{{_ Practice areas _}}</dt><dd>{{PRACTICE_AREAS}}</dd>
    <dt>{{_ City _}}</dt><dd>{{CITY}}</dd>
  </dl>
</section>

<section aria-labelledby="contact-heading" class="panel">
  <h2 id="contact-heading">{{_ Contact _}}</h2>
  <dl class="facts">
    {{#CONTACT}}<dt>{{KIND}}</dt><dd>{{#MAILTO}}<a href="mailto:{{VALUE}}">{{VALUE}}</a>{{/MAILTO}}{{#LINK}}<a href="{{VALUE}}" rel="noopener">{{VALUE}}</a>{{/LINK}}{{#PLAIN}}{{VALUE}}{{/PLAIN}}</dd>{{/CONTACT}}
  </dl>
  {{#NO_CONTACT}}<p>{{_ No contact detail is shown to you. _}}</p>{{/NO_CONTACT}}
</section>
