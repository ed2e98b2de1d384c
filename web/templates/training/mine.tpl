{{%AUTOESCAPE context="HTML"}}
<p class="breadcrumb"><a href="/training">{{_ Training _}}</a></p>
<h1>{{_ Your training _}}</h1>
<p class="lead">{{_ The courses whose attendance the training centres recorded for the person your account is linked to in the directory. _}}</p>
{{#NOTHING_YET}}<p>{{_ No attendance is recorded for you yet. If your account is not linked to your record in the directory, your bar's administrators can link it. _}}</p>{{/NOTHING_YET}}
<table class="table">
  <thead><tr><th scope="col">{{_ Course _}}</th><th scope="col">{{_ Training centre _}}</th><th scope="col">{{_ Date _}}</th><th scope="col">{{_ Role _}}</th><th scope="col">{{_ Hours _}}</th></tr></thead>
  <tbody>
    {{#ATTENDED}}<tr><td><a href="/training/{{SLUG}}"{{#TITLE_LANG}} lang="{{LANG}}"{{/TITLE_LANG}}>{{TITLE}}</a></td><td{{#PROVIDER_LANG}} lang="{{LANG}}"{{/PROVIDER_LANG}}>{{PROVIDER}}</td><td>{{DATES}}</td><td>{{ROLE}}</td><td>{{HOURS}}</td></tr>{{/ATTENDED}}
  </tbody>
</table>
{{#TOTAL}}<p>{{_ In all: _}} {{TOTAL_HOURS}}</p>{{/TOTAL}}
