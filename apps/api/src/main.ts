import 'reflect-metadata';
import { Module, Controller, Get, Injectable } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { hello } from '#config';
@Injectable() class Svc { hi() { return hello(); } }
@Controller() class C { constructor(private readonly s: Svc) {} @Get() get() { return this.s.hi(); } }
@Module({ imports: [CqrsModule.forRoot()], controllers: [C], providers: [Svc] }) class M {}
const app = await NestFactory.create(M); await app.listen(0); console.log(await app.getUrl()); await app.close();
