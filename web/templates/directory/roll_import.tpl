{{%AUTOESCAPE context="HTML"}}
<p class="breadcrumb"><a href="/organizations/{{SLUG}}">{{NAME}}</a> › <a href="/organizations/{{SLUG}}/roll">{{_ The roll _}}</a></p>
<h1>{{_ Importing the roll _}}</h1>
{{>STATUS}}
