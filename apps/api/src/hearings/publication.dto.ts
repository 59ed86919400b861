import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import {
  PUBLICATION_STAGES,
  type PublicationDecisionInput,
  type PublicationStage,
} from '@precedent/hearings';

/** The chair's decision on what of a public hearing's notice or outcome report is published. */
export class PublicationDecisionDto implements PublicationDecisionInput {
  @ApiProperty({ description: 'The officer the notice or report is about' })
  @IsUUID()
  subjectId: string;

  @ApiProperty({ enum: PUBLICATION_STAGES })
  @IsIn(PUBLICATION_STAGES)
  stage: PublicationStage;

  @ApiProperty({ description: 'False: nothing of this stage is published (reasons required)' })
  @IsBoolean()
  publish: boolean;

  @ApiProperty()
  @IsBoolean()
  showOfficerName: boolean;

  @ApiProperty()
  @IsBoolean()
  showRank: boolean;

  @ApiPropertyOptional({ description: 'The conduct alleged, in the public wording' })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  conduct?: string;

  @ApiPropertyOptional({ description: "An outcome report's findings and reasons, in the public wording" })
  @IsOptional()
  @IsString()
  @MaxLength(8000)
  outcomeSummary?: string;

  @ApiPropertyOptional({ description: 'Anything else withheld, in words' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  withheldOther?: string;

  @ApiPropertyOptional({ description: 'Why anything was withheld, or nothing published' })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  reasons?: string;
}
